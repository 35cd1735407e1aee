if True:
    x = f(1,
          2 3)
