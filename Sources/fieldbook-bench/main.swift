print("fieldbook-bench")
