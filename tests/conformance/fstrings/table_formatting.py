rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 100)]
print(f"{'item':<10}{'price':>8}{'qty':>5}{'total':>10}")
print("-" * 33)
grand = 0
for item, price, qty in rows:
    total = price * qty
    grand += total
    print(f"{item:<10}{price:>8.2f}{qty:>5d}{total:>10,.2f}")
print("=" * 33)
print(f"{'TOTAL':<23}{grand:>10,.2f}")
