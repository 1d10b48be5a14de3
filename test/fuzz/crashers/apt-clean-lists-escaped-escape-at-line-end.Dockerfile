FROM
RUN	apt-get update;apt install \\
<<