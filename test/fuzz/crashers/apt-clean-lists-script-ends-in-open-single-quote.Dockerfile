RG BASE
FROM $BASE

RUN apt-get update \
       && apt-get install -y linux-toolrmat='$