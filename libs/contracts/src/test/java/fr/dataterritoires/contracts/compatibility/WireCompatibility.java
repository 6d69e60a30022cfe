package fr.dataterritoires.contracts.compatibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;

/**
 * Compares the gRPC contracts as they are now with the last released descriptor set and lists every change that
 * breaks a peer still built on the released one (binary wire format, which is all gRPC uses):
 * <ul>
 * <li>a released message, enum, service or method is gone;</li>
 * <li>a released field number is gone without being reserved (an old peer's data would be read as something else the
 * day the number is reused), or now carries another wire type or message/enum type, or changed between singular and
 * repeated;</li>
 * <li>a released enum value number is gone without being reserved;</li>
 * <li>a method's request or response type, or its streaming, changed.</li>
 * </ul>
 * Additions (messages, fields with new numbers, enum values, methods, services, files) are compatible. Renaming a
 * field keeps the wire format and is allowed. Integer types that share a wire encoding (int32, int64, uint32, uint64,
 * bool; sint32/sint64; fixed32/sfixed32; fixed64/sfixed64; string/bytes) may be swapped, as protobuf documents.
 */
public final class WireCompatibility {

    private WireCompatibility() {
    }

    public static List<String> breakingChanges(FileDescriptorSet released, FileDescriptorSet current) {
        Index was = new Index(released);
        Index now = new Index(current);
        List<String> problems = new ArrayList<>();
        was.messages.forEach((name, message) -> {
            DescriptorProto after = now.messages.get(name);
            if (after == null) {
                problems.add("message " + name + " was removed");
            } else {
                compareMessage(name, message, after, problems);
            }
        });
        was.enums.forEach((name, type) -> {
            EnumDescriptorProto after = now.enums.get(name);
            if (after == null) {
                problems.add("enum " + name + " was removed");
            } else {
                compareEnum(name, type, after, problems);
            }
        });
        was.services.forEach((name, service) -> {
            ServiceDescriptorProto after = now.services.get(name);
            if (after == null) {
                problems.add("service " + name + " was removed");
            } else {
                compareService(name, service, after, problems);
            }
        });
        return problems;
    }

    private static void compareMessage(String name, DescriptorProto before, DescriptorProto after,
                                       List<String> problems) {
        Map<Integer, FieldDescriptorProto> fields = new HashMap<>();
        after.getFieldList().forEach(f -> fields.put(f.getNumber(), f));
        for (FieldDescriptorProto old : before.getFieldList()) {
            String where = name + "." + old.getName() + " (" + old.getNumber() + ")";
            FieldDescriptorProto now = fields.get(old.getNumber());
            if (now == null) {
                boolean reserved = after.getReservedRangeList().stream()
                        .anyMatch(r -> old.getNumber() >= r.getStart() && old.getNumber() < r.getEnd());
                if (!reserved) {
                    problems.add("field " + where + " was removed without reserving its number");
                }
                continue;
            }
            if (!sameEncoding(old.getType(), now.getType())) {
                problems.add("field " + where + " changed type from " + old.getType() + " to " + now.getType());
            } else if (!old.getTypeName().equals(now.getTypeName())) {
                problems.add("field " + where + " changed type from " + old.getTypeName() + " to " + now.getTypeName());
            }
            boolean wasRepeated = old.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED;
            boolean isRepeated = now.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED;
            if (wasRepeated != isRepeated) {
                problems.add("field " + where + (wasRepeated ? " is no longer repeated" : " became repeated"));
            }
        }
    }

    private static void compareEnum(String name, EnumDescriptorProto before, EnumDescriptorProto after,
                                    List<String> problems) {
        Set<Integer> numbers = new java.util.HashSet<>();
        after.getValueList().forEach(v -> numbers.add(v.getNumber()));
        for (EnumValueDescriptorProto old : before.getValueList()) {
            boolean reserved = after.getReservedRangeList().stream()
                    .anyMatch(r -> old.getNumber() >= r.getStart() && old.getNumber() <= r.getEnd());
            if (!numbers.contains(old.getNumber()) && !reserved) {
                problems.add("enum value " + name + "." + old.getName() + " (" + old.getNumber()
                        + ") was removed without reserving its number");
            }
        }
    }

    private static void compareService(String name, ServiceDescriptorProto before, ServiceDescriptorProto after,
                                       List<String> problems) {
        Map<String, MethodDescriptorProto> methods = new HashMap<>();
        after.getMethodList().forEach(m -> methods.put(m.getName(), m));
        for (MethodDescriptorProto old : before.getMethodList()) {
            String where = name + "/" + old.getName();
            MethodDescriptorProto now = methods.get(old.getName());
            if (now == null) {
                problems.add("method " + where + " was removed");
                continue;
            }
            if (!old.getInputType().equals(now.getInputType())) {
                problems.add("method " + where + " changed its request from " + old.getInputType() + " to "
                        + now.getInputType());
            }
            if (!old.getOutputType().equals(now.getOutputType())) {
                problems.add("method " + where + " changed its response from " + old.getOutputType() + " to "
                        + now.getOutputType());
            }
            if (old.getClientStreaming() != now.getClientStreaming()
                    || old.getServerStreaming() != now.getServerStreaming()) {
                problems.add("method " + where + " changed its streaming");
            }
        }
    }

    /** Types whose values an old peer still decodes to the same thing (protobuf's documented compatible groups). */
    private static boolean sameEncoding(FieldDescriptorProto.Type a, FieldDescriptorProto.Type b) {
        return a == b || group(a) != null && group(a).equals(group(b));
    }

    private static String group(FieldDescriptorProto.Type type) {
        return switch (type) {
            case TYPE_INT32, TYPE_INT64, TYPE_UINT32, TYPE_UINT64, TYPE_BOOL -> "varint";
            case TYPE_SINT32, TYPE_SINT64 -> "zigzag";
            case TYPE_FIXED32, TYPE_SFIXED32 -> "fixed32";
            case TYPE_FIXED64, TYPE_SFIXED64 -> "fixed64";
            case TYPE_STRING, TYPE_BYTES -> "bytes";
            default -> null;
        };
    }

    /** Messages (nested ones included), enums and services of a descriptor set by fully qualified name. */
    private static final class Index {

        final Map<String, DescriptorProto> messages = new HashMap<>();
        final Map<String, EnumDescriptorProto> enums = new HashMap<>();
        final Map<String, ServiceDescriptorProto> services = new HashMap<>();

        Index(FileDescriptorSet set) {
            for (FileDescriptorProto file : set.getFileList()) {
                String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
                file.getMessageTypeList().forEach(m -> addMessage(prefix, m));
                file.getEnumTypeList().forEach(e -> enums.put(prefix + e.getName(), e));
                file.getServiceList().forEach(s -> services.put(prefix + s.getName(), s));
            }
        }

        private void addMessage(String prefix, DescriptorProto message) {
            String name = prefix + message.getName();
            messages.put(name, message);
            message.getNestedTypeList().forEach(m -> addMessage(name + ".", m));
            message.getEnumTypeList().forEach(e -> enums.put(name + "." + e.getName(), e));
        }
    }
}
