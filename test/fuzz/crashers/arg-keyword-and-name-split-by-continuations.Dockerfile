#.
ARG\
 C\
FR