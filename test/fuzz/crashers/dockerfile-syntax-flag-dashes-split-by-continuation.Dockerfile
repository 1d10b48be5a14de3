HEALTHCHECK -\
-interval=1m "]
