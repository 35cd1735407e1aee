class MyError(Exception):
    pass

class Inner:
    class Nested(MyError):
        pass

raise Inner.Nested("custom message")
