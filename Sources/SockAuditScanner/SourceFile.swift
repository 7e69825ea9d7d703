import SockAuditParsers

/// One file's bytes and the path it is reported under (defined beside the inputs that read it);
/// named here too so that callers of the scanner need not import the parsers.
public typealias SourceFile = SockAuditParsers.SourceFile
