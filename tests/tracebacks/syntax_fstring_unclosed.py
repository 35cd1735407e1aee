import math
math.pi = 3
print(f"{math.pi")
