from rm_journal.cli import main

raise SystemExit(main())
