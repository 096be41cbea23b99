// Tests run programs through TestSupport; the process code is the product's own (ChildProcess).
@_exported import ChildProcess
