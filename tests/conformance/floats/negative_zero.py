z = -0.0
print(z, repr(z), str(z), 0.0 == -0.0)
print(-0.0 + 0.0, 0.0 * -1, -0.0 * -1, abs(-0.0))
print(round(-0.4), round(-0.4, 1), -1e-320 * 1e-10)
print(math_copysign := __import__("math").copysign(1.0, -0.0))
print(f"{-0.0}", f"{-0.0:.2f}", format(-0.0, "g"), f"{-0.001:.1f}")
print([-0.0, 0.0], (-0.0,))
print(int(-0.0), -0.0 < 0.0, max(-0.0, 0.0), min(0.0, -0.0))
