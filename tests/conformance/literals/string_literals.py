print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"")
print("adjacent" " strings" ' are ' "joined")
s = ("multi"
     "line"
     "concat")
print(s, len(s))
print("""line1
line2
  line3""")
print('tab:\tend')
print("back\\slash")
print(len(""), len(''), repr(""))
