import Foundation

/// Reads gzip and zstd files through the system's libz.so.1 and libzstd.so.1, opened with `dlopen`
/// when first needed: folio builds without their development headers, and a machine without the
/// library gets a counted skip (`SkipReason.noDecompressor`) instead of a failed build or start.
enum Decompressor {
    enum Outcome {
        case bytes([UInt8])
        case skipped(SkipReason)
    }

    /// The output is capped (a small file can expand to terabytes: a decompression bomb): past
    /// `limit` bytes the file is skipped as `decompressedTooLarge`.
    static func decompress(_ compression: Compression, descriptor: Int32, limit: Int) -> Outcome {
        var magic = [UInt8](repeating: 0, count: 4)
        guard pread(descriptor, &magic, 4, 0) == 4 else { return .skipped(.badCompressed) }
        switch compression {
        case .gzip:
            guard magic[0] == 0x1F, magic[1] == 0x8B else { return .skipped(.badCompressed) }
            guard let library = ZlibLibrary.shared else { return .skipped(.noDecompressor) }
            return library.read(descriptor: descriptor, limit: limit)
        case .zstd:
            guard magic == [0x28, 0xB5, 0x2F, 0xFD] else { return .skipped(.badCompressed) }
            guard let library = ZstdLibrary.shared else { return .skipped(.noDecompressor) }
            guard let input = MappedInput.map(descriptor: descriptor) else { return .skipped(.unreadable) }
            return library.decompress(input.bytes, limit: limit)
        }
    }

    /// The address of `name` in the first of `files` that opens, or nil.
    static func symbols(_ files: [String], _ names: [String]) -> [UnsafeMutableRawPointer]? {
        for file in files {
            guard let handle = dlopen(file, RTLD_NOW | RTLD_LOCAL) else { continue }
            let found = names.compactMap { dlsym(handle, $0) }
            if found.count == names.count { return found }
            dlclose(handle)
        }
        return nil
    }
}

/// zlib's gzip file functions, which read from a descriptor and check the trailer's length and CRC.
final class ZlibLibrary: Sendable {
    private typealias Open = @convention(c) (Int32, UnsafePointer<CChar>) -> OpaquePointer?
    private typealias Read = @convention(c) (OpaquePointer, UnsafeMutableRawPointer, UInt32) -> Int32
    private typealias Close = @convention(c) (OpaquePointer) -> Int32
    private typealias ErrorText = @convention(c) (OpaquePointer, UnsafeMutablePointer<Int32>) -> UnsafePointer<CChar>?

    private let open: Open
    private let readBytes: Read
    private let close: Close
    private let error: ErrorText

    static let shared: ZlibLibrary? = {
        guard let found = Decompressor.symbols(["libz.so.1", "libz.so"], ["gzdopen", "gzread", "gzclose", "gzerror"]) else {
            return nil
        }
        return ZlibLibrary(found)
    }()

    private init(_ symbols: [UnsafeMutableRawPointer]) {
        open = unsafeBitCast(symbols[0], to: Open.self)
        readBytes = unsafeBitCast(symbols[1], to: Read.self)
        close = unsafeBitCast(symbols[2], to: Close.self)
        error = unsafeBitCast(symbols[3], to: ErrorText.self)
    }

    func read(descriptor: Int32, limit: Int) -> Decompressor.Outcome {
        // gzclose closes the descriptor it was given: give it its own.
        let own = dup(descriptor)
        guard own >= 0 else { return .skipped(.unreadable) }
        _ = lseek(own, 0, SEEK_SET)
        guard let file = open(own, "rb") else {
            Foundation.close(own)
            return .skipped(.unreadable)
        }
        defer { _ = close(file) }
        var output: [UInt8] = []
        let step = 1 << 20
        while true {
            if output.count > limit { return .skipped(.decompressedTooLarge) }
            let before = output.count
            output.reserveCapacity(before + step)
            var got: Int32 = 0
            output.append(contentsOf: repeatElement(0, count: step))
            output.withUnsafeMutableBytes { got = readBytes(file, $0.baseAddress! + before, UInt32(step)) }
            if got < 0 { return .skipped(.badCompressed) }
            output.removeLast(step - Int(got))
            if got == 0 { break }
        }
        var code: Int32 = 0
        _ = error(file, &code)
        // Z_BUF_ERROR (-5): the file ends before its trailer, it was cut short.
        if code != 0 { return .skipped(.badCompressed) }
        return output.count > limit ? .skipped(.decompressedTooLarge) : .bytes(output)
    }
}

/// libzstd's streaming decompression, over a mapped file.
final class ZstdLibrary: Sendable {
    /// ZSTD_inBuffer and ZSTD_outBuffer: a pointer, its size and the position reached.
    private struct Buffer {
        var pointer: UnsafeRawPointer?
        var size: Int
        var position: Int
    }
    private typealias Create = @convention(c) () -> OpaquePointer?
    private typealias Free = @convention(c) (OpaquePointer) -> Int
    private typealias Step = @convention(c) (OpaquePointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer) -> Int
    private typealias IsError = @convention(c) (Int) -> UInt32

    private let create: Create
    private let free: Free
    private let step: Step
    private let isError: IsError

    static let shared: ZstdLibrary? = {
        let names = ["ZSTD_createDStream", "ZSTD_freeDStream", "ZSTD_decompressStream", "ZSTD_isError"]
        guard let found = Decompressor.symbols(["libzstd.so.1", "libzstd.so"], names) else { return nil }
        return ZstdLibrary(found)
    }()

    private init(_ symbols: [UnsafeMutableRawPointer]) {
        create = unsafeBitCast(symbols[0], to: Create.self)
        free = unsafeBitCast(symbols[1], to: Free.self)
        step = unsafeBitCast(symbols[2], to: Step.self)
        isError = unsafeBitCast(symbols[3], to: IsError.self)
    }

    func decompress(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Decompressor.Outcome {
        guard let stream = create() else { return .skipped(.unreadable) }
        defer { _ = free(stream) }
        var source = Buffer(pointer: UnsafeRawPointer(input.baseAddress), size: input.count, position: 0)
        var output: [UInt8] = []
        let chunk = 1 << 20
        var remaining = 0
        while true {
            if output.count > limit { return .skipped(.decompressedTooLarge) }
            let before = output.count
            output.append(contentsOf: repeatElement(0, count: chunk))
            var produced = 0
            let result = output.withUnsafeMutableBytes { space -> Int in
                var target = Buffer(pointer: UnsafeRawPointer(space.baseAddress! + before), size: chunk, position: 0)
                let result = step(stream, &target, &source)
                produced = target.position
                return result
            }
            output.removeLast(chunk - produced)
            if isError(result) != 0 { return .skipped(.badCompressed) }
            remaining = result
            if source.position >= source.size && produced < chunk { break }
        }
        // A non-zero hint at the end of the input: the last frame is incomplete (a truncated file).
        if remaining != 0 { return .skipped(.badCompressed) }
        return output.count > limit ? .skipped(.decompressedTooLarge) : .bytes(output)
    }
}
