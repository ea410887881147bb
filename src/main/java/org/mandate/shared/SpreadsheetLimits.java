package org.mandate.shared;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what an uploaded XLSX may expand to, for every reader of spreadsheets (POI's settings are
 * global): no part larger than {@code mandate.limits.xlsx-part-size} once unzipped (32 MB by default: ten
 * times a 100,000-row sheet's needs) and no part compressed more than 100 times (a zip bomb). A file over
 * either limit cannot be read and is refused as a 400, never expanded into memory.
 */
@Component
public class SpreadsheetLimits {

    public SpreadsheetLimits(@Value("${mandate.limits.xlsx-part-size:32MB}") DataSize partSize) {
        ZipSecureFile.setMaxEntrySize(partSize.toBytes());
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxTextSize(partSize.toBytes());
    }
}
