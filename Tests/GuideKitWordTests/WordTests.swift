// Tests of Word export and import.
