class AppError(Exception):
    """Base for app errors."""
class NotFound(AppError):
    def __init__(self, name):
        super().__init__(f"{name} not found")
        self.name = name
class Invalid(AppError):
    def __init__(self, field, reason):
        self.field, self.reason = field, reason
    def __str__(self):
        return f"{self.field}: {self.reason}"
for exc in [NotFound("user"), Invalid("age", "must be >= 0"), AppError("generic")]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", e, "|", repr(e), "|", e.args)
print(NotFound("x").name, isinstance(NotFound("x"), AppError), AppError.__doc__)
