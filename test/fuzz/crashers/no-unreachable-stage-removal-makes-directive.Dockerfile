FROM p AS prebuilt
#escape=
FROM