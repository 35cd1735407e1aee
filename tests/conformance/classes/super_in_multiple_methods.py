class Base:
    def __init__(self):
        print("Base.__init__")
        self.log = ["base"]
class Left(Base):
    def __init__(self):
        print("Left.__init__ start")
        super().__init__()
        self.log.append("left")
class Right(Base):
    def __init__(self):
        print("Right.__init__ start")
        super().__init__()
        self.log.append("right")
class Child(Left, Right):
    def __init__(self):
        print("Child.__init__ start")
        super().__init__()
        self.log.append("child")
c = Child()
print(c.log)
print(super(Left, c).__init__.__qualname__)
