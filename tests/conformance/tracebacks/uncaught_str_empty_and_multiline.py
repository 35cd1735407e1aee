class Weird(Exception):
    def __str__(self):
        return "line one\nline two"
print("go")
raise Weird()
