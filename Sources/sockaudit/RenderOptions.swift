import ArgumentParser
import Foundation
import SockAuditScanner

/// How Helm charts are rendered and Kustomize overlays built: an option group of its own, shared
/// by `scan` and `baseline`.
struct RenderOptions: ParsableArguments {
    @Option(name: .customLong("helm-engine"), help: "The Helm engine: a helm executable or a libhelm_c library (default: SOCKAUDIT_HELM_ENGINE, then helm on PATH, then libhelm_c from an installed helm-python-sdk; `none` renders no chart).")
    var helmEngine: String?

    @Option(name: .customLong("helm-values"), help: "Render charts with this values file too (repeatable; a file inside a chart's folder applies to that chart, any other to every chart).")
    var helmValues: [String] = []

    @Option(name: .customLong("helm-set"), help: "Render charts with this value set, as helm --set key=value (repeatable).")
    var helmSet: [String] = []

    @Flag(name: .customLong("helm-scenarios"), help: "Also render each chart's ci/*-values.yaml as a scenario; a finding they share is reported once, naming them.")
    var helmScenarios = false

    @Option(name: .customLong("kustomize-engine"), help: "The Kustomize engine: a kustomize or kubectl executable (default: SOCKAUDIT_KUSTOMIZE_ENGINE, then kustomize on PATH, then kubectl on PATH; `none` builds no overlay).")
    var kustomizeEngine: String?

    func validate() throws {
        for expression in helmSet where !expression.contains("=") {
            throw ValidationError("--helm-set \(expression): expected key=value")
        }
        for file in helmValues where !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("--helm-values \(file): no such readable file")
        }
    }

    var settings: HelmSettings {
        let environment = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "VIRTUAL_ENV", "SOCKAUDIT_HELM_ENGINE"].contains($0.key) }
        return HelmSettings(enginePath: helmEngine, valuesFiles: helmValues, sets: helmSet, scenarios: helmScenarios, environment: environment)
    }

    var kustomizeSettings: KustomizeSettings {
        let environment = ProcessInfo.processInfo.environment.filter { ["PATH", "SOCKAUDIT_KUSTOMIZE_ENGINE"].contains($0.key) }
        return KustomizeSettings(enginePath: kustomizeEngine, environment: environment)
    }
}
