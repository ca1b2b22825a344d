import ClearanceCLI
ClearanceCLI.main()
