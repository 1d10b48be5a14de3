RUN \
)#escape=\
u