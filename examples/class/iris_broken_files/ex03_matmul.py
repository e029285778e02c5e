# résumé in Latin-1
x = 1
