package dev.opskit.cost.waste.internal;

import dev.opskit.core.change.Change;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2's tagging calls (volumes, addresses, snapshots, instances) and tag lists as maps. */
final class Ec2Tags {
  private Ec2Tags() {}

  static Change<?> tag(Ec2Client ec2, String id, String key, String value) {
    CreateTagsRequest request = CreateTagsRequest.builder().resources(id)
        .tags(Tag.builder().key(key).value(value).build()).build();
    return Change.of("ec2:CreateTags", id, request, ec2::createTags).build();
  }

  static Change<?> untag(Ec2Client ec2, String id, String key, String value) {
    // With the value: EC2 removes the tag only if it still has it, so a newer mark stays.
    DeleteTagsRequest request = DeleteTagsRequest.builder().resources(id)
        .tags(Tag.builder().key(key).value(value).build()).build();
    return Change.of("ec2:DeleteTags", id, request, ec2::deleteTags).build();
  }

  static Map<String, String> map(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return map;
  }
}
