from kuvadigi.start import main

main()
