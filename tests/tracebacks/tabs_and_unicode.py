def f():
	naïve = {"日本": 1}
	return naïve["日本語"]

f()
