def show(*args, **kwargs):
    print("args:", args, "kwargs:", kwargs)
show()
show(1, 2)
show(a=1, b=2)
show(1, "x", key=None)
nums = [4, 5, 6]
opts = {"sep": "-", "end": "!\n"}
show(*nums, **opts)
print(*nums, **opts)
def total(first, *rest):
    return first + sum(rest)
print(total(1), total(1, 2, 3), total(*range(5)))
show(*"ab", *[1], **{"x": 1}, **{"y": 2})
