import sys
print(sys.get_int_max_str_digits())
big = 10 ** 5000
try:
    s = str(big)
except ValueError as e:
    print(type(e).__name__, e)
print(len(str(10 ** 4299)))
print(big.bit_length())
