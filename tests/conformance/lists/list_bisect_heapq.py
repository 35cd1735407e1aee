import bisect, heapq
a = [1, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4))
bisect.insort(a, 4)
print(a)
h = [5, 1, 8, 3, 2]
heapq.heapify(h)
print(h)
heapq.heappush(h, 0)
print([heapq.heappop(h) for _ in range(len(h))])
print(heapq.nlargest(2, [4, 9, 1, 7]), heapq.nsmallest(2, [4, 9, 1, 7]))
