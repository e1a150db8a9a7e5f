from litigation.cli import main

raise SystemExit(main())
