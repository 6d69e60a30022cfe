package fr.dataterritoires.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;

import fr.dataterritoires.contracts.datasetsearch.v1.DatasetDirectoryProto;

/** What the checker calls breaking, on edits of the real DatasetDirectory contract. */
class WireCompatibilityTest {

    private static final FileDescriptorSet RELEASED = FileDescriptorSet.newBuilder()
            .addFile(DatasetDirectoryProto.getDescriptor().toProto()).build();

    @Test
    void anUnchangedContractIsCompatible() {
        assertThat(WireCompatibility.breakingChanges(RELEASED, RELEASED)).isEmpty();
    }

    @Test
    void removingAFieldBreaksUnlessItsNumberIsReserved() {
        FileDescriptorSet removed = editMessage("DatasetSummary", m -> m.removeField(1));
        assertThat(WireCompatibility.breakingChanges(RELEASED, removed))
                .singleElement().asString().contains("DatasetSummary.title (2) was removed");
        FileDescriptorSet reserved = editMessage("DatasetSummary", m -> m.removeField(1)
                .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(2).setEnd(3)));
        assertThat(WireCompatibility.breakingChanges(RELEASED, reserved)).isEmpty();
    }

    @Test
    void changingAFieldsWireTypeOrCardinalityBreaks() {
        assertThat(WireCompatibility.breakingChanges(RELEASED, editMessage("DatasetSummary", m -> m.setField(1,
                m.getField(1).toBuilder().setType(FieldDescriptorProto.Type.TYPE_INT64)))))
                .singleElement().asString().contains("DatasetSummary.title (2) changed type");
        assertThat(WireCompatibility.breakingChanges(RELEASED, editMessage("DatasetSummary", m -> m.setField(1,
                m.getField(1).toBuilder().setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)))))
                .singleElement().asString().contains("became repeated");
    }

    @Test
    void renumberingAFieldBreaks() {
        assertThat(WireCompatibility.breakingChanges(RELEASED, editMessage("DatasetSummary", m -> m.setField(1,
                m.getField(1).toBuilder().setNumber(99)))))
                .singleElement().asString().contains("DatasetSummary.title (2) was removed");
    }

    @Test
    void renamingOrAddingFieldsAndSwappingCompatibleIntegersKeepsTheWireFormat() {
        FileDescriptorSet edited = editMessage("DatasetSummary", m -> m
                .setField(1, m.getField(1).toBuilder().setName("label").setType(FieldDescriptorProto.Type.TYPE_BYTES))
                .addField(FieldDescriptorProto.newBuilder().setName("extra").setNumber(999)
                        .setType(FieldDescriptorProto.Type.TYPE_STRING)
                        .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)));
        assertThat(WireCompatibility.breakingChanges(RELEASED, edited)).isEmpty();
    }

    @Test
    void removingAnEnumValueOrAMethodOrChangingAResponseBreaks() {
        FileDescriptorProto file = RELEASED.getFile(0);
        int accessLevel = indexOfEnum(file, "AccessLevel");
        EnumDescriptorProto.Builder shorter = file.getEnumType(accessLevel).toBuilder();
        shorter.removeValue(shorter.getValueCount() - 1);
        FileDescriptorSet enumEdited = set(file.toBuilder().setEnumType(accessLevel, shorter).build());
        assertThat(WireCompatibility.breakingChanges(RELEASED, enumEdited))
                .singleElement().asString().contains("enum value").contains("AccessLevel");

        FileDescriptorProto.Builder methods = file.toBuilder();
        methods.getServiceBuilder(0).removeMethod(0);
        assertThat(WireCompatibility.breakingChanges(RELEASED, set(methods.build())))
                .singleElement().asString().contains("DatasetDirectory/ResolveDatasets was removed");

        FileDescriptorProto.Builder response = file.toBuilder();
        response.getServiceBuilder(0).getMethodBuilder(0).setOutputType(".fr.dataterritoires.datasetsearch.v1.DatasetSummary");
        assertThat(WireCompatibility.breakingChanges(RELEASED, set(response.build())))
                .singleElement().asString().contains("changed its response");
    }

    private static FileDescriptorSet editMessage(String name, UnaryOperator<DescriptorProto.Builder> edit) {
        FileDescriptorProto.Builder file = RELEASED.getFile(0).toBuilder();
        for (int i = 0; i < file.getMessageTypeCount(); i++) {
            if (file.getMessageType(i).getName().equals(name)) {
                file.setMessageType(i, edit.apply(file.getMessageType(i).toBuilder()));
            }
        }
        return set(file.build());
    }

    private static int indexOfEnum(FileDescriptorProto file, String name) {
        for (int i = 0; i < file.getEnumTypeCount(); i++) {
            if (file.getEnumType(i).getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static FileDescriptorSet set(FileDescriptorProto file) {
        return FileDescriptorSet.newBuilder().addFile(file).build();
    }
}
