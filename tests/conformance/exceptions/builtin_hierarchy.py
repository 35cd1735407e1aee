pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (UnboundLocalError, NameError), (FileNotFoundError, OSError), (ModuleNotFoundError, ImportError),
    (RecursionError, RuntimeError), (NotImplementedError, RuntimeError), (IndentationError, SyntaxError),
    (TabError, IndentationError), (UnicodeDecodeError, ValueError), (StopIteration, Exception),
    (KeyboardInterrupt, Exception), (SystemExit, BaseException), (GeneratorExit, Exception),
    (Exception, BaseException), (BoolWarn := DeprecationWarning, Warning), (StopAsyncIteration, Exception),
    (ExceptionGroup, BaseExceptionGroup), (ExceptionGroup, Exception), (BaseExceptionGroup, Exception),
    (TimeoutError, OSError), (ConnectionResetError, ConnectionError), (AssertionError, Exception),
]
for sub, sup in pairs:
    print(f"{sub.__name__:>22} < {sup.__name__:<18} {issubclass(sub, sup)}")
print([c.__name__ for c in ZeroDivisionError.__mro__])
