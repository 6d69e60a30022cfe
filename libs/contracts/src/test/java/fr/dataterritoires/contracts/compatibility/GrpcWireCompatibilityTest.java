package fr.dataterritoires.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;

/**
 * The gRPC contracts stay wire compatible with the last released descriptor set ({@value GrpcContracts#RELEASED}):
 * a peer built on the release keeps working. A deliberate break needs a new package version (…/v2) beside v1.
 * {@code make contracts-release} records the current contracts as the new release (run it when a release ships:
 * additions become part of what must stay compatible).
 */
class GrpcWireCompatibilityTest {

    @Test
    void everyProtoFileIsCovered() {
        assertThat(GrpcContracts.current().getFileList()).extracting(FileDescriptorProto::getName)
                .as("each .proto under src/main/proto has its generated descriptor")
                .containsExactlyInAnyOrderElementsOf(GrpcContracts.protoFiles());
    }

    @Test
    void currentContractsKeepTheReleasedWireFormat() {
        FileDescriptorSet current = GrpcContracts.current();
        if (Boolean.getBoolean("contracts.release")) {
            GrpcContracts.release(current);
        }
        FileDescriptorSet released = GrpcContracts.released();
        assertThat(released.getFileCount()).as("the released descriptor set is not empty").isPositive();
        assertThat(WireCompatibility.breakingChanges(released, current))
                .as("changes to the .proto files that break peers built on the release (%s); keep the field numbers "
                        + "and types, reserve removed numbers, or add a v2 package", GrpcContracts.RELEASED)
                .isEmpty();
    }
}
