FROM e AS a
FROM -- -- as d