package io.ankirag.adapter.out.persistence.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.FailedNote;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.ImportReport;
import io.ankirag.application.port.in.sync.ImportAnkiPackageUseCase.SkippedNote;
import io.ankirag.domain.error.ErrorCode;
import java.util.List;

/** The JSONB shape of a job's report: its own records, so that a renamed application field does not break stored rows. */
final class ImportReportJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Skipped(long noteId, String reason) {
    }

    record Failed(long noteId, String code, String detail) {
    }

    record Report(int imported, int updated, int createdDecks, int createdTemplates, int media, List<Skipped> skipped,
                  List<Failed> failed) {
    }

    private ImportReportJson() {
    }

    static String write(ImportReport report) {
        try {
            return JSON.writeValueAsString(new Report(report.importedNotes(), report.updated(), report.createdDecks(),
                    report.createdTemplates(), report.media(),
                    report.skipped().stream().map(skip -> new Skipped(skip.noteId(), skip.reason())).toList(),
                    report.failed().stream().map(fail -> new Failed(fail.noteId(), fail.code().name(), fail.detail())).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import report is plain values and always serialises", e);
        }
    }

    static ImportReport read(String json) {
        try {
            Report report = JSON.readValue(json, Report.class);
            return new ImportReport(report.imported(), report.updated(),
                    report.skipped().stream().map(skip -> new SkippedNote(skip.noteId(), skip.reason())).toList(),
                    report.failed().stream().map(fail -> new FailedNote(fail.noteId(), ErrorCode.valueOf(fail.code()),
                            fail.detail())).toList(),
                    report.createdDecks(), report.createdTemplates(), report.media());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored import report cannot be read", e);
        }
    }
}
