class ValidationError(Exception):
    pass
def validate(age):
    if age < 0:
        raise ValidationError(f"age cannot be negative: {age}")
    return age
print(validate(5))
validate(-3)
