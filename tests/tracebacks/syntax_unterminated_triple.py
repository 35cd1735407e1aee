doc = """start
of doc
