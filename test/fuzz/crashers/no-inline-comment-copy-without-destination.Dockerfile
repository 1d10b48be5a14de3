FROM alpine
COPY 7 #
