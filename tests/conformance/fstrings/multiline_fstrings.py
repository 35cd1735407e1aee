name = "Ann"
age = 30
msg = (
    f"Name: {name}\n"
    f"Age: {age}\n"
    "Plain line\n"
    f"Next year: {age + 1}"
)
print(msg)
block = f"""
Report for {name}:
  {'age':<5}= {age:>4}
  {'days':<5}= {age * 365:>,}
"""
print(block)
