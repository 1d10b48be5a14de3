#x
ARG T\
AR