from kuvadigi.cli import main

main()
