doc = """This string
never ends
print(doc)
