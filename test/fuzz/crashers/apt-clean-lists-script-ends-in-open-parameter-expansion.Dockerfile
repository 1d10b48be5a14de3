FROM $BASE

RUN apt-get update \
       ] && apt-get install -y ${pkg}-dbgsym=${ts/*
