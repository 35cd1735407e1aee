class InsufficientFunds(Exception):
    pass
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"
acct = Account("ann", 100)
acct.deposit(50)
acct.withdraw(30)
for bad in (lambda: acct.withdraw(1000), lambda: acct.deposit(-5)):
    try:
        bad()
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e)
print(acct, acct.history, round(acct.balance * (1 + Account.interest), 2))
