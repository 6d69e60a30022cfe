package fr.dataterritoires.datasetsearch.application.harvest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import fr.dataterritoires.datasetsearch.application.index.DatasetIndex;

@TestConfiguration(proxyBeanMethods = false)
public class CatalogueTestConfiguration {

    @Bean
    ScriptedSourceReader scriptedSourceReader() {
        return new ScriptedSourceReader();
    }

    @Bean
    @Primary
    RecordingDatasetIndex recordingDatasetIndex(ObjectProvider<DatasetIndex> indexes) {
        return new RecordingDatasetIndex(indexes);
    }
}
