// Testing helpers for app developers.
