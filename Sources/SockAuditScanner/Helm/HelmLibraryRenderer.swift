import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Helm's own engine as the C library `libhelm_c` (shipped in the `helm-python-sdk` wheel as
/// `helm_python/lib/libhelm_c.so`), opened with `dlopen` at run time: sockaudit never links it.
/// Signatures are those of the wheel's `helm_python/_native.py`: every call returns a status
/// (0 is success) and hands back library-owned strings that `helm_free_string` releases.
public final class HelmLibraryRenderer: ChartRenderer, @unchecked Sendable {
    // Immutable after init; the library's charts and calls are safe to share between threads.
    private typealias StringOut = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private typealias VersionFunction = @convention(c) () -> UnsafeMutablePointer<CChar>?
    private typealias FreeString = @convention(c) (UnsafeMutableRawPointer?) -> Void
    private typealias ChartLoad = @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<UInt64>?, StringOut?) -> Int32
    private typealias HandleFree = @convention(c) (UInt64, StringOut?) -> Int32
    private typealias Render = @convention(c) (UInt64, UnsafePointer<CChar>?, UnsafePointer<CChar>?, StringOut?, StringOut?) -> Int32
    private typealias Parse = @convention(c) (UnsafePointer<CChar>?, StringOut?, StringOut?) -> Int32
    private typealias HandleQuery = @convention(c) (UInt64, StringOut?, StringOut?) -> Int32

    public let path: String
    public let engineName: String
    public let refusesMissingDependencies = false
    private let freeString: FreeString
    private let chartLoad: ChartLoad
    private let chartFree: HandleFree
    private let renderChart: Render
    private let valuesFromYAML: Parse
    private let parseSet: Parse
    /// `helm_chart_templates` (libhelm_c 0.2.0 on): a loaded chart's templates as JSON.
    private let chartTemplates: HandleQuery?

    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case cannotOpen(String, String)
        case missingSymbol(String, String)

        public var description: String {
            switch self {
            case .cannotOpen(let path, let why): "\(path): cannot be loaded as libhelm_c: \(why)"
            case .missingSymbol(let path, let name): "\(path): is not libhelm_c (it exports no \(name))"
            }
        }
    }

    public init(path: String) throws(LoadError) {
        // RTLD_LOCAL: the Go runtime's symbols stay out of the process's namespace. A Go library is
        // never unloaded, so the handle is kept for the life of the process.
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw .cannotOpen(path, dlerror().map { String(cString: $0) } ?? "dlopen failed")
        }
        func symbol<T>(_ name: String, _ type: T.Type) throws(LoadError) -> T {
            guard let address = dlsym(handle, name) else { throw .missingSymbol(path, name) }
            return unsafeBitCast(address, to: type)
        }
        self.path = path
        freeString = try symbol("helm_free_string", FreeString.self)
        chartLoad = try symbol("helm_chart_load", ChartLoad.self)
        chartFree = try symbol("helm_chart_free", HandleFree.self)
        renderChart = try symbol("helm_render", Render.self)
        valuesFromYAML = try symbol("helm_values_from_yaml", Parse.self)
        parseSet = try symbol("helm_strvals_parse", Parse.self)
        chartTemplates = dlsym(handle, "helm_chart_templates").map { unsafeBitCast($0, to: HandleQuery.self) }
        let cVersion = try symbol("helm_c_version", VersionFunction.self)
        let sdkVersion = try symbol("helm_sdk_version", VersionFunction.self)
        let free = freeString
        func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
            guard let pointer else { return "unknown" }
            defer { free(pointer) }
            return String(cString: pointer)
        }
        engineName = "libhelm_c \(take(cVersion())) (Helm \(take(sdkVersion())))"
    }

    public func render(_ request: ChartRenderRequest) -> ChartRenderOutcome {
        let values: String
        switch userValues(request) {
        case .success(let json): values = json
        case .failure(let failure): return .failed(failure.message)
        }
        var chart: UInt64 = 0
        var error: UnsafeMutablePointer<CChar>?
        let loaded = request.chartFolder.withCString { chartLoad($0, &chart, &error) }
        let loadMessage = take(error)
        guard loaded == 0 else { return .failed(loadMessage ?? "the chart could not be loaded (status \(loaded))") }
        defer {
            var freeError: UnsafeMutablePointer<CChar>?
            _ = chartFree(chart, &freeError)
            _ = take(freeError)
        }
        let options = #"{"name":"\#(request.releaseName)","namespace":"\#(request.namespace)","is_install":true}"#
        var output: UnsafeMutablePointer<CChar>?
        error = nil
        let status = values.withCString { valuesPointer in
            options.withCString { renderChart(chart, valuesPointer, $0, &output, &error) }
        }
        let message = take(error)
        let rendered = take(output)
        guard status == 0, let rendered else { return .failed(message ?? "the chart could not be rendered (status \(status))") }
        guard let data = rendered.data(using: .utf8),
              let manifests = (try? JSONSerialization.jsonObject(with: data)) as? [String: String] else {
            return .failed("the engine's output is not a map of template paths to manifests")
        }
        return .rendered(manifests.sorted { $0.key < $1.key }.map { RenderedTemplate(source: $0.key, text: $0.value) })
    }

    private struct Failure: Error { var message: String }

    /// The archive loaded by the engine and its templates read back (`[{"name", "data"}]`), so a
    /// finding in a `.tgz` subchart can name its template line.
    public func archiveTemplates(_ archive: String) -> [String: String] {
        guard let chartTemplates else { return [:] }
        var chart: UInt64 = 0
        var error: UnsafeMutablePointer<CChar>?
        let loaded = archive.withCString { chartLoad($0, &chart, &error) }
        _ = take(error)
        guard loaded == 0 else { return [:] }
        defer {
            var freeError: UnsafeMutablePointer<CChar>?
            _ = chartFree(chart, &freeError)
            _ = take(freeError)
        }
        var output: UnsafeMutablePointer<CChar>?
        var queryError: UnsafeMutablePointer<CChar>?
        let status = chartTemplates(chart, &output, &queryError)
        _ = take(queryError)
        guard status == 0, let json = take(output), let data = json.data(using: .utf8),
              let items = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] else { return [:] }
        var templates: [String: String] = [:]
        for item in items {
            if let name = item["name"] as? String, let text = item["data"] as? String { templates[name] = text }
        }
        return templates
    }

    /// Values files merged in order (maps merge key by key, anything else is replaced, as `helm -f`
    /// does), then `--set` expressions on top; the engine coalesces them with the chart's defaults.
    private func userValues(_ request: ChartRenderRequest) -> Result<String, Failure> {
        var merged: [String: Any] = [:]
        for file in request.valuesFiles {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                return .failure(Failure(message: "the values file \(file) could not be read"))
            }
            switch call(valuesFromYAML, text) {
            case .success(let object): merged = Self.merge(merged, object)
            case .failure(let failure): return .failure(Failure(message: "\(file): \(failure.message)"))
            }
        }
        for expression in request.sets {
            switch call(parseSet, expression) {
            case .success(let object): merged = Self.mergeSet(merged, object)
            case .failure(let failure): return .failure(Failure(message: "--helm-set \(expression): \(failure.message)"))
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: merged, options: [.sortedKeys]),
              let json = String(data: data, encoding: .utf8) else { return .failure(Failure(message: "the values could not be encoded")) }
        return .success(json)
    }

    private func call(_ function: Parse, _ input: String) -> Result<[String: Any], Failure> {
        var output: UnsafeMutablePointer<CChar>?
        var error: UnsafeMutablePointer<CChar>?
        let status = input.withCString { function($0, &output, &error) }
        let message = take(error)
        let result = take(output)
        guard status == 0, let result, let data = result.data(using: .utf8) else {
            return .failure(Failure(message: message ?? "status \(status)"))
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return .success([:]) }
        return .success(object)
    }

    static func merge(_ base: [String: Any], _ overlay: [String: Any]) -> [String: Any] {
        var result = base
        for (key, value) in overlay {
            if let inner = value as? [String: Any], let existing = result[key] as? [String: Any] {
                result[key] = merge(existing, inner)
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// A `--set` expression goes into the values gathered so far, as `helm --set` parses each one
    /// into the same map: a list index reaches into the list already there, so
    /// `--set a[0].name=x --set a[0].path=y` gives one element with both keys. Indexes the
    /// expression leaves out come back as null placeholders and keep what was there.
    static func mergeSet(_ base: [String: Any], _ overlay: [String: Any]) -> [String: Any] {
        var result = base
        for (key, value) in overlay { result[key] = mergeSetValue(result[key], value) }
        return result
    }

    private static func mergeSetValue(_ base: Any?, _ overlay: Any) -> Any {
        switch (base, overlay) {
        case (let existing as [String: Any], let inner as [String: Any]):
            return mergeSet(existing, inner)
        case (let existing as [Any], let items as [Any]):
            var list = existing
            for (index, item) in items.enumerated() {
                if index < list.count {
                    if !(item is NSNull) { list[index] = mergeSetValue(list[index], item) }
                } else {
                    list.append(item)
                }
            }
            return list
        default:
            return overlay
        }
    }

    /// Copies a library-owned string and frees it.
    private func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { freeString(pointer) }
        return String(cString: pointer)
    }
}
