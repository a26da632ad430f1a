/// An owner of memory that maps a file shared: its pages can be dropped from a process
/// (`MADV_DONTNEED`) and are read back from the page cache or the file when next touched. Never
/// true of heap or anonymous memory, where dropping a page loses what it held.
protocol FileBackedMemory: AnyObject {}

extension MappedFile: FileBackedMemory {}
