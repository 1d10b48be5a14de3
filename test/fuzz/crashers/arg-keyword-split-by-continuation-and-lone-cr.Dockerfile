#g
A\RG T