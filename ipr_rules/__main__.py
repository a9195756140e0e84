from ipr_rules.launch import main

main()
